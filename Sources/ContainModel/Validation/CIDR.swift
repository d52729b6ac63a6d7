import Foundation

/// An IPv4 or IPv6 network in CIDR notation.
public struct CIDR: Sendable, Hashable, CustomStringConvertible {
    /// The address bytes (4 or 16).
    public var address: [UInt8]
    public var prefixLength: Int

    /// Parses `10.0.0.0/8` or `fd00::/8`; `nil` when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), !parts[1].hasPrefix("+") else { return nil }
        guard let bytes = CIDR.parseIPv4(parts[0]) ?? CIDR.parseIPv6(parts[0]) else { return nil }
        guard prefix >= 0 && prefix <= bytes.count * 8 else { return nil }
        address = bytes
        prefixLength = prefix
    }

    public var description: String {
        if address.count == 4 { return address.map(String.init).joined(separator: ".") + "/\(prefixLength)" }
        var groups: [String] = []
        for index in stride(from: 0, to: 16, by: 2) {
            groups.append(String(UInt16(address[index]) << 8 | UInt16(address[index + 1]), radix: 16))
        }
        return groups.joined(separator: ":") + "/\(prefixLength)"
    }

    /// Whether `address` lies in this network.
    public func contains(_ other: [UInt8]) -> Bool {
        guard other.count == address.count else { return false }
        var remaining = prefixLength
        for index in address.indices where remaining > 0 {
            let bits = min(8, remaining)
            let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if address[index] & mask != other[index] & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// Whether the two networks share any address.
    public func overlaps(_ other: CIDR) -> Bool {
        guard address.count == other.address.count else { return false }
        return prefixLength <= other.prefixLength ? contains(other.address) : other.contains(address)
    }

    static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy({ $0.isASCII && $0.isNumber }),
                !(octet.count > 1 && octet.first == "0"), let value = UInt8(octet)
            else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    static func parseIPv6(_ text: Substring) -> [UInt8]? {
        guard text.contains(":") else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard !group.isEmpty, group.count <= 4, let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}
