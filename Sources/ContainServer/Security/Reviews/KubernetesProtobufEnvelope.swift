/// The envelope of `application/vnd.kubernetes.protobuf` bodies: the magic `k8s\0`, then a
/// `runtime.Unknown{1: typeMeta{1: apiVersion, 2: kind}, 2: raw, 3: contentEncoding, 4: contentType}`.
/// `raw` is the object's own protobuf message, decoded by a per-kind decoder.
public struct KubernetesProtobufEnvelope: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var raw: ArraySlice<UInt8>
    public var contentEncoding: String
    public var contentType: String

    public static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]
    public static let mediaType = "application/vnd.kubernetes.protobuf"

    /// Decodes an envelope; throws `ProtobufReader.Problem` for anything malformed.
    public init(_ body: [UInt8]) throws {
        guard body.count >= 4, Array(body[0..<4]) == Self.magic else {
            throw ProtobufReader.Problem(description: "the body does not start with the k8s protobuf magic")
        }
        var apiVersion = "", kind = "", raw: ArraySlice<UInt8> = [], encoding = "", type = ""
        try ProtobufReader.fields(body[4...]) { field in
            guard case .bytes(let number, let bytes) = field else { return }
            switch number {
            case 1:
                try ProtobufReader.fields(bytes) { meta in
                    guard case .bytes(let metaNumber, let value) = meta else { return }
                    if metaNumber == 1 { apiVersion = try ProtobufReader.string(value) }
                    if metaNumber == 2 { kind = try ProtobufReader.string(value) }
                }
            case 2: raw = bytes
            case 3: encoding = try ProtobufReader.string(bytes)
            case 4: type = try ProtobufReader.string(bytes)
            default: break
            }
        }
        self.apiVersion = apiVersion
        self.kind = kind
        self.raw = raw
        self.contentEncoding = encoding
        self.contentType = type
    }
}
