/// What probing a type's `init(from:)` revealed about its JSON shape.
enum OpenAPIProbeShape {
    /// An object: its members in the order the type asked for them, and the value type of
    /// members it reads by iterating `allKeys` (a map), if any.
    case object(fields: [OpenAPIProbeField], additional: OpenAPIProbeFieldType?)
    /// A single value; the types the type tried, in order (`Int` then `String` for int-or-string).
    case single([any Decodable.Type])
    /// An array of the given element type (nil when the type never read an element).
    case array(OpenAPIProbeFieldType?)
    /// The type asked for no container at all.
    case unknown
}

/// One member a probed type asked for.
struct OpenAPIProbeField {
    var name: String
    /// Whether it was read with `decode` (required) rather than `decodeIfPresent`.
    var required: Bool
    var type: OpenAPIProbeFieldType
}

/// The type of a probed member.
enum OpenAPIProbeFieldType {
    /// A `Decodable` type, schema derived from it.
    case type(any Decodable.Type)
    /// Read through a nested container, whose contents the probe does not follow: free-form.
    case freeForm
}

/// Collects what one probe of one type asked for.
final class OpenAPIProbeRecorder {
    /// The key `allKeys` answers with; members read under it are the map's values.
    static let syntheticKey = "additionalProperty"

    private(set) var fields: [OpenAPIProbeField] = []
    private(set) var additional: OpenAPIProbeFieldType?
    private(set) var singles: [any Decodable.Type] = []
    private(set) var element: OpenAPIProbeFieldType?
    private var askedForObject = false
    private var askedForArray = false
    private var askedForSingle = false
    /// Members asked about with `contains` or `decodeNil`: optional even when then decoded.
    private var queried: Set<String> = []

    func beginObject() { askedForObject = true }
    func beginArray() { askedForArray = true }
    func beginSingle() { askedForSingle = true }

    func query(_ name: String) { queried.insert(name) }

    func record(_ name: String, required: Bool, type: OpenAPIProbeFieldType) {
        if name == Self.syntheticKey {
            if additional == nil { additional = type }
            return
        }
        if let index = fields.firstIndex(where: { $0.name == name }) {
            if required && !queried.contains(name) { fields[index].required = true }
            return
        }
        fields.append(OpenAPIProbeField(name: name, required: required && !queried.contains(name), type: type))
    }

    func recordElement(_ type: OpenAPIProbeFieldType) {
        if element == nil { element = type }
    }

    func recordSingle(_ type: any Decodable.Type) { singles.append(type) }

    /// The shape seen; an object wins over a single value or an array if the type asked for several.
    var shape: OpenAPIProbeShape {
        if askedForObject { return .object(fields: fields, additional: additional) }
        if askedForArray { return .array(element) }
        if askedForSingle { return .single(singles) }
        return .unknown
    }
}
