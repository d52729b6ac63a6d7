// contain-store-writer: the child process of ContainStoreTests' durability test.
//
//   contain-store-writer DB_PATH ACK_FILE COUNT
//
// Creates COUNT objects in the SQLite store at DB_PATH from 8 concurrent tasks and, after each
// create is acknowledged, appends "REVISION NAME\n" to ACK_FILE with one unbuffered write. The
// test kills this process with SIGKILL and checks that every acknowledged write survived.
import ContainModel
import ContainStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[3]), count > 0,
      let acks = FileHandle(forWritingAtPath: arguments[2])
else {
    FileHandle.standardError.write(Data("usage: contain-store-writer DB_PATH ACK_FILE COUNT\n".utf8))
    exit(2)
}

let store = try SQLiteObjectStore(path: arguments[1])
let resource = ResourceKey(group: "", resource: "configmaps")
let writers = 8

try await withThrowingTaskGroup(of: Void.self) { group in
    for writer in 0..<writers {
        group.addTask {
            var index = writer
            while index < count {
                let name = "object-\(index)"
                let object: JSONObject = [
                    "apiVersion": .string("v1"), "kind": .string("ConfigMap"),
                    "metadata": .object(["name": .string(name), "namespace": .string("default")]),
                    "data": .object(["index": .string(String(index))]),
                ]
                let result = try await store.create(ObjectKey(resource: resource, namespace: "default", name: name),
                                                    object: object)
                if case .created(let stored) = result {
                    acks.write(Data("\(stored.revision) \(name)\n".utf8))
                }
                index += writers
            }
        }
    }
    try await group.waitForAll()
}
