using System.Globalization;
using System.Text;

namespace Culprit.Bench;

/// <summary>
/// Writes a synthetic repository: C#, Java, Python and TypeScript files in equal shares, each with a class of
/// <c>functionsPerFile</c> methods whose bodies have calls, comments, strings with braces and a lambda.
/// </summary>
public static class SyntheticRepo
{
    public static IReadOnlyList<string> Write(string folder, int files, int functionsPerFile, int seed)
    {
        var random = new Random(seed);
        var paths = new List<string>(files);
        for (var i = 0; i < files; i++)
        {
            var (relative, text) = (i % 4) switch
            {
                0 => ($"src/Acme/Module{i / 400}/Service{i}.cs", CSharp(i, functionsPerFile, random)),
                1 => ($"java/com/acme/m{i / 400}/Service{i}.java", Java(i, functionsPerFile, random)),
                2 => ($"py/acme/m{i / 400}/service{i}.py", Python(i, functionsPerFile, random)),
                _ => ($"web/src/m{i / 400}/service{i}.ts", TypeScript(i, functionsPerFile, random)),
            };
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            paths.Add(relative);
        }

        return paths;
    }

    private static string Call(Random random) => "step" + random.Next(50).ToString(CultureInfo.InvariantCulture);

    private static string CSharp(int file, int functions, Random random)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"using System;\n\nnamespace Acme.Module{file / 400};\n\n/// <summary>Service number {file}.</summary>\npublic sealed class Service{file}\n{{\n");
        for (var f = 0; f < functions; f++)
        {
            b.Append(CultureInfo.InvariantCulture, $"    /// <summary>Does step {f}.</summary>\n    public async Task<int> Run{f}Async(int id, string name)\n    {{\n");
            b.Append(CultureInfo.InvariantCulture, $"        // look up {{ the record }}\n        var item = await _repo.FindAsync(id);\n        var text = $\"{{name}} has {{item.Count}} }}}}\";\n");
            b.Append(CultureInfo.InvariantCulture, $"        if (item is null)\n            throw new InvalidOperationException(\"missing {{\" + id);\n        var total = item.Lines.Select(l => {Call(random)}(l)).Sum();\n");
            b.Append(CultureInfo.InvariantCulture, $"        return {Call(random)}(total) + {Call(random)}(text.Length);\n    }}\n\n");
        }

        return b.Append("}\n").ToString();
    }

    private static string Java(int file, int functions, Random random)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"package com.acme.m{file / 400};\n\nimport java.util.List;\n\n/** Service number {file}. */\npublic class Service{file} {{\n");
        for (var f = 0; f < functions; f++)
        {
            b.Append(CultureInfo.InvariantCulture, $"    /**\n     * Does step {f}.\n     * @param id the id\n     */\n    public int run{f}(long id, String name) {{\n");
            b.Append(CultureInfo.InvariantCulture, $"        // look up {{ the record }}\n        Item item = repo.find(id).orElseThrow(() -> new IllegalStateException(\"missing {{\" + id));\n");
            b.Append(CultureInfo.InvariantCulture, $"        String text = String.format(\"%s has %d }}\", name, item.count());\n        int total = item.lines().stream().mapToInt(l -> {Call(random)}(l)).sum();\n");
            b.Append(CultureInfo.InvariantCulture, $"        return {Call(random)}(total) + {Call(random)}(text.length());\n    }}\n\n");
        }

        return b.Append("}\n").ToString();
    }

    private static string Python(int file, int functions, Random random)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"\"\"\"Service number {file}.\"\"\"\nimport os\n\n\nclass Service{file}:\n    \"\"\"Service {file}.\"\"\"\n\n");
        for (var f = 0; f < functions; f++)
        {
            b.Append(CultureInfo.InvariantCulture, $"    @traced(\"run{f}\")\n    def run{f}(self, id, name):\n        \"\"\"Does step {f}.\n\n        Braces {{ in docs }}.\n        \"\"\"\n");
            b.Append(CultureInfo.InvariantCulture, $"        # look up {{ the record }}\n        item = self.repo.find(id)\n        if item is None:\n            raise LookupError(f\"missing {{id}}\")\n");
            b.Append(CultureInfo.InvariantCulture, $"        total = sum({Call(random)}(line) for line in item.lines)\n        return {Call(random)}(total) + {Call(random)}(len(name))\n\n");
        }

        return b.ToString();
    }

    private static string TypeScript(int file, int functions, Random random)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"import {{ Repo }} from '../repo';\n\n/** Service number {file}. */\nexport class Service{file} {{\n  private readonly cache = new Map<string, number>();\n\n");
        for (var f = 0; f < functions; f++)
        {
            b.Append(CultureInfo.InvariantCulture, $"  /** Does step {f}. */\n  async run{f}(id: string, name: string): Promise<number> {{\n");
            b.Append(CultureInfo.InvariantCulture, $"    // look up {{ the record }}\n    const item = await this.repo.find(id);\n    const text = `${{name}} has ${{item.count({{ deep: true }})}} }}`;\n");
            b.Append(CultureInfo.InvariantCulture, $"    if (!item) throw new Error(`missing ${{id}}`);\n    const total = item.lines.map((l) => {Call(random)}(l)).reduce((a, c) => a + c, 0);\n");
            b.Append(CultureInfo.InvariantCulture, $"    return {Call(random)}(total) + {Call(random)}(text.replace(/[{{}}]/g, '').length);\n  }}\n\n");
        }

        return b.Append("}\n").ToString();
    }
}
