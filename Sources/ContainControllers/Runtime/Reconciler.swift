/// What a reconcile asks for next.
public enum ReconcileResult: Sendable, Hashable {
    /// The key is converged; nothing to do until something changes.
    case done
    /// Look again after `after` even if nothing changes (polling something not watched).
    case requeue(after: Duration)
}

/// Level-triggered reconciliation of one key (controller-runtime's `Reconciler`): read the
/// current state, make the world match the desired state, report what next. A thrown error
/// retries the key with backoff; a ``TerminalError`` is not retried.
public protocol Reconciler: Sendable {
    func reconcile(_ key: String) async throws -> ReconcileResult
}

/// An error retrying cannot fix (invalid input); the reconciler has recorded it in status.
public struct TerminalError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
