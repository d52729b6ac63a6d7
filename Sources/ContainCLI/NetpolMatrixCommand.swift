import ArgumentParser
import ContainModel
import ContainNetwork
import Foundation

/// `contain netpol matrix`: the ingress, egress and combined truth tables for one port.
struct NetpolMatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Print the reachability truth tables (ingress, egress, combined) for one port.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
        case dot
    }

    @OptionGroup var input: NetworkCommandInput

    @Option(help: "PORT[/PROTOCOL] to compute, such as 80/TCP or 53/UDP.")
    var port: String = "80/TCP"

    @Option(help: "Rows and columns: pod or namespace.")
    var by: ReachabilityTable.Grouping = .pod

    @Option(name: [.short, .long], help: "Output format: table, json or dot (Graphviz).")
    var output: OutputFormat = .table

    func run() throws {
        let query: PortQuery
        do { query = try PortQuery(parsing: port) } catch { try InputFailure.exit(error.description) }
        let (_, engine) = try input.load()
        let table = ReachabilityTable(matrix: engine.matrix(port: query.port, protocol: query.protocol), grouping: by)
        let text: String
        switch output {
        case .table: text = table.text
        case .json: text = JSONWriter.pretty(table.json, indent: 2) + "\n"
        case .dot: text = table.dot
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

extension ReachabilityTable.Grouping: ExpressibleByArgument {}
