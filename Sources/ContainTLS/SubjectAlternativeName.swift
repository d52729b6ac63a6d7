#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SwiftASN1
import X509

/// One name a serving certificate is valid for: a DNS name or an IP address (v4 or v6).
public enum SubjectAlternativeName: Sendable, Hashable, CustomStringConvertible {
    case dns(String)
    /// The address in network byte order: 4 bytes for IPv4, 16 for IPv6.
    case ip([UInt8])

    /// The names every generated serving certificate carries.
    public static let loopback: [SubjectAlternativeName] = [.dns("localhost"), .ip([127, 0, 0, 1]), .ip([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])]

    /// Parses `--tls-san` text: an IPv4 or IPv6 literal becomes an IP SAN, anything else a DNS name.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: " \t")
        if let address = Self.ipBytes(trimmed) {
            self = .ip(address)
            return
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.*")
        guard !trimmed.isEmpty, trimmed.count <= 253, trimmed.allSatisfy({ allowed.contains($0) }),
              !trimmed.hasPrefix("."), !trimmed.hasSuffix("."), !trimmed.contains("..")
        else {
            throw TLSError("--tls-san \"\(text)\" is neither an IP address nor a DNS name")
        }
        self = .dns(trimmed.lowercased())
    }

    /// The address bytes of an IPv4 or IPv6 literal, `nil` for anything else.
    static func ipBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    /// The X.509 general name.
    var generalName: GeneralName {
        switch self {
        case .dns(let name): .dnsName(name)
        case .ip(let bytes): .ipAddress(ASN1OctetString(contentBytes: bytes[...]))
        }
    }

    /// The SAN a general name holds, when it is a DNS name or an IP address.
    init?(_ name: GeneralName) {
        switch name {
        case .dnsName(let dns): self = .dns(dns.lowercased())
        case .ipAddress(let octets): self = .ip(Array(octets.bytes))
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .dns(let name): return name
        case .ip(let bytes) where bytes.count == 4: return bytes.map(String.init).joined(separator: ".")
        case .ip(let bytes):
            var groups: [String] = []
            var index = 0
            while index + 1 < bytes.count {
                groups.append(String(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]), radix: 16))
                index += 2
            }
            return groups.joined(separator: ":")
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = self[...]
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
