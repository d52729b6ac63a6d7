import Foundation

/// How the long-running commands (`serve`, `up`, `admission`) run their async work
/// from a synchronous `ParsableCommand.run()`.
public enum AsyncCommand {
    /// Runs `body` on the main dispatch queue's run loop and exits the process: status 0 when it
    /// returns, 1 with `contain NAME: error` on standard error when it throws.
    public static func run(_ name: String, _ body: @escaping @Sendable () async throws -> Void) -> Never {
        Task {
            do {
                try await body()
                Foundation.exit(0)
            } catch {
                FileHandle.standardError.write(Data("contain \(name): \(error)\n".utf8))
                Foundation.exit(1)
            }
        }
        dispatchMain()
    }
}
