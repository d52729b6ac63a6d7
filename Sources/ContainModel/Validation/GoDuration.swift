/// Go duration strings (`4h`, `1h30m`, `90s`, `1.5h`), as Kubernetes and Flux write intervals.
public enum GoDuration {
    /// The duration in seconds, or `nil` when the text is not a non-negative Go duration.
    public static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        if rest == "0" { return 0 }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else {
                return nil
            }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
        }
        return total
    }
}
