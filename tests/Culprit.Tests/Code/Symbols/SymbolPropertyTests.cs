using System.Text;
using CsCheck;

namespace Culprit.Tests.Code.Symbols;

/// <summary>
/// Random files built from declarations and tricky statements (braces in strings, comments, templates, regexes,
/// multi-line strings) whose lines are known while writing them: the extractor must find exactly those lines, every
/// end at or after its start, and nested symbols inside their parents.
/// </summary>
public sealed class SymbolPropertyTests
{
    private static readonly string[] JsStatements =
    [
        "const s = \"}{\";", "// } comment {", "const t = `a ${b({ c: 1 })} }`;", "const r = /[{}]+/g;", "call(x, '{');",
        "/* { */ other();", "if (x) { y(); }", "const o = { a: `}` };",
    ];

    private static readonly string[] PyStatements =
    [
        "s = \"}{\"", "n = 1  # def fake():", "x = call(1)", "t = \"\"\"\ndef not_a_function():\n\"\"\"", "if x:\n    y()", "d = {'a': '}'}",
    ];

    [Fact]
    public void JavaScriptLinesAreExact() =>
        Gen.Int[0, 1000].Array[20, 60].Sample(choices =>
        {
            var (text, expected) = BuildJs(choices);
            var file = Symbols.Of("gen.js", text);
            Assert.Equal(expected, Symbols.Lines(file));
            CheckNesting(file);
        }, iter: 40, threads: 1);

    [Fact]
    public void PythonLinesAreExact() =>
        Gen.Int[0, 1000].Array[20, 60].Sample(choices =>
        {
            var (text, expected) = BuildPy(choices);
            var file = Symbols.Of("gen.py", text);
            Assert.Equal(expected, Symbols.Lines(file));
            CheckNesting(file);
        }, iter: 40, threads: 1);

    private static void CheckNesting(Culprit.Code.FileSymbols file)
    {
        foreach (var symbol in file.Symbols)
        {
            Assert.True(symbol.EndLine >= symbol.StartLine, symbol.QualifiedName);
            var parent = file.Symbols.FirstOrDefault(s => s.QualifiedName == symbol.Parent);
            if (parent is not null)
                Assert.True(parent.StartLine <= symbol.StartLine && symbol.EndLine <= parent.EndLine, symbol.QualifiedName);
        }
    }

    private static (string Text, List<string> Expected) BuildJs(int[] choices)
    {
        var writer = new Writer(choices);
        var expected = new List<string>();
        var items = 1 + writer.Next(3);
        for (var n = 0; n < items; n++)
        {
            if (writer.Next(2) == 0)
            {
                var start = writer.Line("function f" + n + "(a) {");
                writer.Statements(JsStatements, "  ");
                expected.Add($"function f{n} {start}-{writer.Line("}")}");
            }
            else
            {
                var index = expected.Count;
                var start = writer.Line("class C" + n + " {");
                var methods = new List<string>();
                for (var m = 0; m < 1 + writer.Next(3); m++)
                {
                    var mStart = writer.Line("  m" + m + "(a) {");
                    writer.Statements(JsStatements, "    ");
                    methods.Add($"method C{n}.m{m} {mStart}-{writer.Line("  }")}");
                }

                expected.Add($"class C{n} {start}-{writer.Line("}")}");
                expected.AddRange(methods);
            }

            writer.Line("");
        }

        return (writer.Text, expected);
    }

    private static (string Text, List<string> Expected) BuildPy(int[] choices)
    {
        var writer = new Writer(choices);
        var expected = new List<string>();
        var items = 1 + writer.Next(3);
        for (var n = 0; n < items; n++)
        {
            var decorated = writer.Next(2) == 0;
            var start = decorated ? writer.Line("@decorator(\"{\",\n           x=1)") : writer.LineNumber + 1;
            if (writer.Next(2) == 0)
            {
                writer.Line("def f" + n + "(a):");
                var end = writer.Statements(PyStatements, "    ");
                var index = expected.Count;
                expected.Add("");
                if (writer.Next(2) == 0)
                {
                    var gStart = writer.Line("    def g(b):");
                    var gEnd = writer.Statements(PyStatements, "        ");
                    expected.Add($"local_function gen.f{n}.g {gStart}-{gEnd}");
                    end = gEnd;
                }

                expected[index] = $"function gen.f{n} {start}-{end}";
            }
            else
            {
                writer.Line("class C" + n + ":");
                var index = expected.Count;
                expected.Add("");
                var end = 0;
                for (var m = 0; m < 1 + writer.Next(3); m++)
                {
                    var mStart = writer.Line("    def m" + m + "(self):");
                    end = writer.Statements(PyStatements, "        ");
                    expected.Add($"method gen.C{n}.m{m} {mStart}-{end}");
                }

                expected[index] = $"class gen.C{n} {start}-{end}";
            }

            writer.Line("");
        }

        return (writer.Text, expected);
    }

    private sealed class Writer(int[] choices)
    {
        private readonly StringBuilder _text = new();
        private int _next;

        public int LineNumber { get; private set; }

        public string Text => _text.ToString();

        public int Next(int bound) => choices[_next++ % choices.Length] % bound;

        /// <summary>Writes the text (may hold newlines) and returns the number of its first line.</summary>
        public int Line(string text)
        {
            var first = LineNumber + 1;
            foreach (var line in text.Split('\n'))
            {
                _text.Append(line).Append('\n');
                LineNumber++;
            }

            return first;
        }

        /// <summary>Writes one to three statements with the indent; returns the last line written.</summary>
        public int Statements(string[] pool, string indent)
        {
            for (var k = 0; k < 1 + Next(3); k++)
                Line(indent + pool[Next(pool.Length)].Replace("\n", "\n" + indent, StringComparison.Ordinal));
            return LineNumber;
        }
    }
}
