import Foundation
import Synchronization

/// A token bucket per user: `ratePerSecond` sustained, `burst` at once. Over the limit, the
/// request is refused with 429 and a Retry-After of the seconds until a token is back.
public final class UserRateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    public let ratePerSecond: Double
    public let burst: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    public init(ratePerSecond: Double, burst: Int) {
        self.ratePerSecond = ratePerSecond
        self.burst = Double(max(1, burst))
    }

    /// nil when the request may go ahead, else the seconds to wait.
    public func acquire(_ user: String, now: ContinuousClock.Instant = .now) -> Int? {
        buckets.withLock { buckets in
            var bucket = buckets[user] ?? Bucket(tokens: burst, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + seconds * ratePerSecond)
            bucket.updated = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                buckets[user] = bucket
                return nil
            }
            buckets[user] = bucket
            return max(1, Int(((1 - bucket.tokens) / ratePerSecond).rounded(.up)))
        }
    }
}

/// Counts open watches per user and refuses more than `limit` at once.
public final class WatchLimiter: Sendable {
    public let limit: Int
    private let open = Mutex<[String: Int]>([:])

    public init(limit: Int) { self.limit = limit }

    /// Takes a slot; false when the user already has `limit` watches open.
    public func acquire(_ user: String) -> Bool {
        open.withLock { open in
            let count = open[user, default: 0]
            guard count < limit else { return false }
            open[user] = count + 1
            return true
        }
    }

    public func release(_ user: String) {
        open.withLock { open in
            let count = open[user, default: 1] - 1
            open[user] = count <= 0 ? nil : count
        }
    }
}
