/// Exponential backoff with a cap and full jitter, for reconnecting and retrying requests.
public struct Backoff: Sendable, Hashable {
    public var initial: Duration
    public var maximum: Duration
    public var factor: Double

    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(5), factor: Double = 2) {
        self.initial = initial
        self.maximum = maximum
        self.factor = factor
    }

    /// The delay before attempt `attempt` (0-based): `initial · factor^attempt`, capped, jittered
    /// between half and all of it so that many clients do not retry in lockstep.
    public func delay(attempt: Int) -> Duration {
        let base = Double(initial.components.attoseconds) / 1e18 + Double(initial.components.seconds)
        let cap = Double(maximum.components.attoseconds) / 1e18 + Double(maximum.components.seconds)
        let raw = min(cap, base * pow2(factor, attempt))
        let jittered = raw * Double.random(in: 0.5...1.0)
        return .nanoseconds(Int64(jittered * 1e9))
    }

    private func pow2(_ factor: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(exponent, 60) { result *= factor }
        return result
    }
}
