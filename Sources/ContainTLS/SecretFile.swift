#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes and reads files that hold keys and tokens: created with mode 0600 from the first byte
/// (never world-readable, not even briefly), written to a temporary name and renamed into place.
public enum SecretFile {
    /// Writes `text` to `path` with mode 0600, atomically.
    public static func write(_ text: String, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw TLSError("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var ok = true
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                ok = false
                break
            }
            written += result
        }
        if ok { ok = fsync(descriptor) == 0 }
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw TLSError("cannot write \(path): \(reason)")
        }
    }

    /// Creates `path` (and parents) as a directory only its owner may enter (0700).
    public static func createPrivateDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        chmod(path, 0o700)
    }

    /// Reads a whole file as UTF-8 text, naming the file in the error.
    public static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TLSError("cannot read \(path): no such file or not readable")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The file's permission bits, or nil when it does not exist.
    public static func permissions(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode & 0o777)
    }
}

/// `write(2)`, named apart from `SecretFile.write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
