import ContainModel
import Testing

/// A minimal protobuf writer for building test bodies.
struct ProtobufWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func field(_ number: Int, _ payload: [UInt8]) {
        varint(UInt64(number << 3 | 2))
        varint(UInt64(payload.count))
        bytes += payload
    }

    mutating func field(_ number: Int, _ text: String) { field(number, Array(text.utf8)) }

    mutating func field(_ number: Int, varint value: UInt64) {
        varint(UInt64(number << 3))
        varint(value)
    }

    static func message(_ build: (inout ProtobufWriter) -> Void) -> [UInt8] {
        var writer = ProtobufWriter()
        build(&writer)
        return writer.bytes
    }

    /// `k8s\0` + runtime.Unknown{typeMeta, raw}.
    static func envelope(apiVersion: String, kind: String, raw: [UInt8]) -> [UInt8] {
        [0x6B, 0x38, 0x73, 0x00] + message { unknown in
            unknown.field(1, message { $0.field(1, apiVersion); $0.field(2, kind) })
            unknown.field(2, raw)
        }
    }
}

@Suite("Kubernetes protobuf request bodies")
struct ProtobufTests {
    static let configMap: [UInt8] = ProtobufWriter.envelope(apiVersion: "v1", kind: "ConfigMap", raw: ProtobufWriter.message { cm in
        cm.field(1, ProtobufWriter.message { meta in
            meta.field(1, "settings")
            meta.field(3, "team")
            meta.field(11, ProtobufWriter.message { $0.field(1, "app"); $0.field(2, "shop") })
            meta.field(14, "a/b")
            meta.field(14, "c/d")
        })
        cm.field(2, ProtobufWriter.message { $0.field(1, "color"); $0.field(2, "blue") })
        cm.field(3, ProtobufWriter.message { $0.field(1, "blob"); $0.field(2, [0, 1, 2]) })
        cm.field(4, varint: 1)
    })

    @Test func decodesAConfigMapEnvelope() throws {
        let object = try KubernetesProtobuf.decode(Self.configMap)
        let expected = try JSONReader.value(#"""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","namespace":"team","labels":{"app":"shop"},"finalizers":["a/b","c/d"]},
             "data":{"color":"blue"},"binaryData":{"blob":"AAEC"},"immutable":true}
            """#)
        #expect(JSONValue.object(object) == expected)
    }

    @Test func refusesUnknownKindsAndMalformedBodiesWithMessages() throws {
        let pod = ProtobufWriter.envelope(apiVersion: "v1", kind: "Pod", raw: [])
        #expect(throws: ProtobufError("protobuf bodies of v1 Pod are not supported; send JSON")) { try KubernetesProtobuf.decode(pod) }
        #expect(throws: ProtobufError.self) { try KubernetesProtobuf.decode(Array("{\"kind\":\"x\"}".utf8)) }
        #expect(throws: ProtobufError.self) { try KubernetesProtobuf.decode(Array(Self.configMap.dropLast(3))) }
    }

    @Test func mutatedBodiesNeverCrash() {
        var generator = SplitMix64(seed: 42)
        var decoded = 0, refused = 0
        for _ in 0..<2_000 {
            var bytes = Self.configMap
            for _ in 0..<Int(generator.next() % 4 + 1) {
                let index = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[index] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: index)
                }
            }
            if (try? KubernetesProtobuf.decode(bytes)) != nil { decoded += 1 } else { refused += 1 }
        }
        #expect(decoded + refused == 2_000)
        #expect(refused > 0)
    }
}
