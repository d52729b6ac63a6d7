import ContainRBAC
import ContainTLS
import Foundation

/// The admin token `contain serve` creates on first start: a user in `system:masters`, kept in
/// `DATA/admin-token.csv` (mode 0600, the token-file format) and written into the kubeconfig.
public enum AdminCredentials {
    /// The admin's user name.
    public static let userName = "contain-admin"

    /// Loads the admin token file in `directory`, creating it with a new random token when absent.
    public static func loadOrCreate(directory: String) throws -> (token: String, file: StaticTokenFile) {
        let path = (directory as NSString).appendingPathComponent("admin-token.csv")
        if FileManager.default.fileExists(atPath: path) {
            let file = try StaticTokenFile(contentsOf: path)
            guard let (token, _) = file.users.first(where: { $0.value.name == userName }) else {
                throw StaticTokenFile.Problem(description: "\(path): no line for user \(userName); remove the file to create a new admin token")
            }
            return (token, file)
        }
        let token = randomToken()
        let user = UserInfo(name: userName, uid: UUID().uuidString.lowercased(), groups: [UserInfo.mastersGroup])
        try SecretFile.write("# contain serve: the admin token (system:masters). Keep secret.\n" + StaticTokenFile.line(token: token, user: user) + "\n", to: path)
        return (token, StaticTokenFile(users: [token: user]))
    }

    /// 32 random bytes as hex (256 bits from the system's CSPRNG).
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
