#if canImport(Glibc)
import Glibc
#endif

/// Process-wide settings for the long-running server commands (`serve`, `up`).
enum ServerProcessTuning {
    /// Caps glibc's malloc arenas at two. By default glibc keeps up to eight arenas per core,
    /// one per thread that contends, and each holds on to freed memory; with SwiftNIO's event
    /// loops and SQLite's reader threads that kept about 80 MB more resident after a
    /// 100,000-object load (`contain bench api`: 345 MB by default, 262 MB with two arenas).
    static func apply() {
        #if canImport(Glibc)
        // `mallopt` lives in <malloc.h>, which the Glibc module does not export; look it up.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let arenaMaximum: Int32 = -8  // M_ARENA_MAX
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            _ = unsafeBitCast(symbol, to: MallOpt.self)(arenaMaximum, 2)
        }
        #endif
    }
}
