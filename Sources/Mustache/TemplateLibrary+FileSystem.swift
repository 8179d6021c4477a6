import Foundation

extension TemplateLibrary {
    /// Loads every `*.mustache` file under `directory`, recursively, skipping hidden entries.
    ///
    /// A template's name is its path relative to `directory` without the `.mustache` suffix
    /// (`tutorial.md`, `partials/prerequisites.md`), which is how partial tags name it. Errors
    /// print the file as `directory.relativePath` joined with that path, so a relative URL
    /// (`URL(fileURLWithPath: "Templates")`) gives `Templates/tutorial.md.mustache:12:5: …`.
    /// Every unreadable or unparsable file is reported, not just the first.
    ///
    /// - Parameter display: how messages name the folder; defaults to the URL's relative path.
    public init(directory: URL, display: String? = nil) throws(TemplateLoadError) {
        let displayRoot = display ?? directory.relativePath
        var errors: [TemplateError] = []
        var templates: [Template] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateLoadError([TemplateError(file: displayRoot, line: 0, column: 0, message: "no such directory")])
        }
        for relativePath in Self.templatePaths(under: directory, errors: &errors, displayRoot: displayRoot) {
            let file = displayRoot.isEmpty ? relativePath : (displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/") + relativePath
            let name = String(relativePath.dropLast(".mustache".count))
            let url = directory.appendingPathComponent(relativePath)
            guard let data = try? Data(contentsOf: url) else {
                errors.append(TemplateError(file: file, line: 0, column: 0, message: "cannot read file"))
                continue
            }
            guard let source = String(data: data, encoding: .utf8) else {
                errors.append(TemplateError(file: file, line: 0, column: 0, message: "file is not valid UTF-8"))
                continue
            }
            do {
                templates.append(try Template(source: source, name: name, file: file))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw TemplateLoadError(errors) }
        self.init(templates)
    }

    /// Relative paths (with `/`) of the `.mustache` files under `directory`, sorted.
    private static func templatePaths(under directory: URL, errors: inout [TemplateError], displayRoot: String) -> [String] {
        var paths: [String] = []
        var pending = [""]
        let manager = FileManager.default
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? directory : directory.appendingPathComponent(relative)
            guard let entries = try? manager.contentsOfDirectory(atPath: folder.path) else {
                errors.append(TemplateError(file: relative.isEmpty ? displayRoot : displayRoot + "/" + relative, line: 0, column: 0, message: "cannot read directory"))
                continue
            }
            for entry in entries where !entry.hasPrefix(".") {
                let path = relative.isEmpty ? entry : relative + "/" + entry
                let full = directory.appendingPathComponent(path).path
                // The entry's own type: symbolic links to folders are not followed, so no cycle can form.
                let type = (try? manager.attributesOfItem(atPath: full))?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    pending.append(path)
                    continue
                }
                if type == .typeSymbolicLink, entry.hasSuffix(".mustache") {
                    // A link may point anywhere; a template must stay inside the templates folder.
                    let root = directory.resolvingSymlinksInPath().standardizedFileURL.path
                    let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().standardizedFileURL.path
                    guard target.hasPrefix(root + "/") else {
                        let file = displayRoot.isEmpty ? path : (displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/") + path
                        errors.append(
                            TemplateError(
                                file: file, line: 0, column: 0,
                                message: "is a link that leads outside '\(displayRoot)'; replace it with the template itself"))
                        continue
                    }
                }
                var isDirectory: ObjCBool = false
                guard entry.hasSuffix(".mustache"), entry.count > ".mustache".count,
                    manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
