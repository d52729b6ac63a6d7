#if canImport(Glibc)
import Glibc
#endif

/// Process-wide settings for the long-running server commands (`serve`, `up`, `admission`).
public enum ProcessTuning {
    /// Caps glibc's malloc arenas at two, and keeps up to 2 MB of freed memory at the top of the
    /// heap instead of returning it at once.
    ///
    /// By default glibc keeps up to eight arenas per core, one per thread that contends, and each
    /// holds on to freed memory; with SwiftNIO's event loops and SQLite's reader threads that kept
    /// about 80 MB more resident after a 100,000-object load (`contain bench api`: 345 MB by
    /// default, 262 MB with two arenas). And by default glibc gives back the top of the heap as
    /// soon as 128 KB are free there: a request that allocates a few hundred KB (decoding a 16 KB
    /// AdmissionReview) then faults its pages in again on every request — about a tenth of the
    /// admission benchmark's time went to page faults before this.
    public static func apply() {
        #if canImport(Glibc)
        // `mallopt` lives in <malloc.h>, which the Glibc module does not export; look it up.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let arenaMaximum: Int32 = -8, trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3
        _ = mallopt(arenaMaximum, 2)
        _ = mallopt(trimThreshold, 2 * 1024 * 1024)
        _ = mallopt(mmapThreshold, 4 * 1024 * 1024)
        #endif
    }
}
