import ArgumentParser
import ContainModel
import ContainNetwork
import Foundation

/// `contain netpol explain`: one connection's verdict and the policies and rules behind it.
struct NetpolExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say whether one connection is allowed, and which policies and rules decide it.",
        discussion: """
            --from and --to name pods as NAMESPACE/NAME (a workload's representative pod has the workload's \
            name), or an IP address outside the pod network. Exit status 0 whatever the verdict; 2 on input errors.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var input: NetworkCommandInput

    @Option(help: "The source: NAMESPACE/POD or an external IP address.")
    var from: String

    @Option(help: "The destination: NAMESPACE/POD or an external IP address.")
    var to: String

    @Option(help: "PORT[/PROTOCOL], such as 80/TCP or 53/UDP.")
    var port: String = "80/TCP"

    @Option(name: [.short, .long], help: "Output format: text or json (an object whose boolean `allowed` is the verdict).")
    var output: OutputFormat = .text

    func run() throws {
        if !Self.isPod(from), !Self.isPod(to) {
            try InputFailure.exit("--from \(from) and --to \(to) are both addresses; at least one must be a pod (NAMESPACE/NAME)")
        }
        let verdict: Verdict
        do {
            let query = try PortQuery(parsing: port)
            let (_, engine) = try input.load()
            verdict = try Self.verdict(engine, from: from, to: to, port: query)
        } catch let error as NetworkQueryError {
            try InputFailure.exit(error.description)
        }
        switch output {
        case .text: FileHandle.standardOutput.write(Data((verdict.description + "\n").utf8))
        case .json: FileHandle.standardOutput.write(Data((JSONWriter.pretty(verdict.json, indent: 2) + "\n").utf8))
        }
    }

    /// An endpoint that contains a `/` followed by a name is a pod; otherwise an address.
    static func verdict(_ engine: ReachabilityEngine, from: String, to: String, port: PortQuery) throws(NetworkQueryError) -> Verdict {
        switch (isPod(from), isPod(to)) {
        case (true, true):
            return try engine.verdict(from: PodRef(parsing: from), to: PodRef(parsing: to), port: port.port, protocol: port.protocol)
        case (true, false):
            return try engine.verdict(from: PodRef(parsing: from), toAddress: to, port: port.port, protocol: port.protocol)
        case (false, true):
            return try engine.verdict(fromAddress: from, to: PodRef(parsing: to), port: port.port, protocol: port.protocol)
        case (false, false):
            throw .invalidPodReference(from)
        }
    }

    private static func isPod(_ text: String) -> Bool {
        // An address has no letters outside hex digits and `:`/`.`; a pod is NAMESPACE/NAME.
        text.contains("/")
    }
}
