import ContainModel

/// One printed column: its definition and how a cell is read from an object.
public struct TableColumn: Sendable {
    public var name: String
    public var type: String
    public var format: String
    public var description: String
    public var priority: Int
    /// The cell for an object.
    public var cell: @Sendable (JSONObject) -> JSONValue

    public init(name: String, type: String = "string", format: String = "", description: String = "", priority: Int = 0,
                cell: @escaping @Sendable (JSONObject) -> JSONValue) {
        self.name = name
        self.type = type
        self.format = format
        self.description = description
        self.priority = priority
        self.cell = cell
    }

    /// The column definition as the Table carries it.
    public var definition: JSONValue {
        ["name": .string(name), "type": .string(type), "format": .string(format),
         "description": .string(description), "priority": .integer(Int64(priority))]
    }

    /// A string cell at a path under `spec`, or `defaultValue` when the field is unset (the
    /// default the API applies, so the table shows what is in force).
    static func spec(_ name: String, _ path: [String], defaultValue: String = "", description: String = "",
                     priority: Int = 0) -> TableColumn {
        TableColumn(name: name, description: description, priority: priority) { object in
            let cell = text(object["spec"]?.value(at: FieldPath(path.map { FieldPath.Component.key($0) })))
            return .string(cell.isEmpty ? defaultValue : cell)
        }
    }

    /// A value rendered as a cell: strings as is, lists joined by commas (names of objects in lists).
    static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let s): s
        case .integer(let i): String(i)
        case .bool(let b): String(b)
        case .double(let d): String(d)
        case .array(let items): items.map { item in item["name"]?.stringValue ?? text(item) }.joined(separator: ",")
        default: ""
        }
    }
}

/// The columns `kubectl get` shows per kind: useful ones for Contain's kinds, Name/Age otherwise.
public enum TableColumns {
    /// The `Name` column (`format: name`).
    public static let name = TableColumn(name: "Name", format: "name", description: "Name must be unique within a namespace.") { object in
        .string(object["metadata"]?["name"]?.stringValue ?? "")
    }

    /// The columns of a resource, `Name` first and `Age` last.
    public static func columns(for resource: APIResource, now: Time) -> [TableColumn] {
        let age = TableColumn(name: "Age", format: "date", description: "Time since the object was created.") { object in
            let created = object["metadata"]?["creationTimestamp"]?.stringValue.flatMap { Time(rfc3339: $0) }
            return .string(created.map { Age.format(seconds: now.secondsSince1970 - $0.secondsSince1970) } ?? "<unknown>")
        }
        let middle = PrinterColumn.columns(group: resource.type.group, kind: resource.type.kind).map { column in
            TableColumn.spec(column.name, column.specPath, defaultValue: column.defaultValue,
                             description: column.description, priority: column.priority)
        }
        return [name] + middle + [age]
    }
}

/// Ages as kubectl prints them (`45s`, `3m12s`, `5h`, `2d3h`, `400d`).
public enum Age {
    public static func format(seconds: Int64) -> String {
        let s = max(0, seconds)
        if s < 120 { return "\(s)s" }
        let m = s / 60
        if m < 10 { return s % 60 == 0 ? "\(m)m" : "\(m)m\(s % 60)s" }
        if m < 180 { return "\(m)m" }
        let h = m / 60
        if h < 8 { return m % 60 == 0 ? "\(h)h" : "\(h)h\(m % 60)m" }
        if h < 48 { return "\(h)h" }
        let d = h / 24
        if d < 8 { return h % 24 == 0 ? "\(d)d" : "\(d)d\(h % 24)h" }
        if d < 365 * 2 { return "\(d)d" }
        return "\(d / 365)y"
    }
}
