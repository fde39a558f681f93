using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Culprit.Code.Symbols;

/// <summary>Text read off C# syntax nodes: doc comment summaries, calls, signatures.</summary>
internal static class CSharpSyntaxText
{
    /// <summary>
    /// Names invoked under the node, not counting nested local functions (they are symbols of their own):
    /// <c>repo.FindUser(id)</c> gives <c>FindUser</c>, <c>new Order(…)</c> gives <c>Order</c>; <c>nameof</c> is left out.
    /// </summary>
    public static IReadOnlyList<string> Calls(SyntaxNode root)
    {
        List<(int At, string Name)>? found = null;
        foreach (var node in root.DescendantNodes(n => n == root || n is not LocalFunctionStatementSyntax))
        {
            var name = node switch
            {
                InvocationExpressionSyntax invocation => InvokedName(invocation.Expression),
                ObjectCreationExpressionSyntax creation => TypeName(creation.Type),
                _ => null,
            };
            if (name is not { } token || token.ValueText == "nameof")
                continue;
            found ??= [];
            found.Add((token.SpanStart, token.ValueText));
        }

        if (found is null)
            return [];
        // Pre-order visits a.B().C() as C before B; the source order is by where each name is written.
        found.Sort((x, y) => x.At.CompareTo(y.At));
        var calls = new List<string>(found.Count);
        foreach (var (_, name) in found)
        {
            if (!calls.Contains(name))
                calls.Add(name);
        }

        return calls;
    }

    private static SyntaxToken? InvokedName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax simple => simple.Identifier,
        MemberAccessExpressionSyntax member => member.Name.Identifier,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier,
        _ => null,
    };

    private static SyntaxToken? TypeName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier,
        QualifiedNameSyntax qualified => qualified.Right.Identifier,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier,
        _ => null,
    };

    /// <summary>The <c>&lt;summary&gt;</c> text of the node's <c>///</c> comment (all of its text when there is no summary), tags removed.</summary>
    public static string? Doc(SyntaxNode node)
    {
        foreach (var trivia in node.GetLeadingTrivia())
        {
            if (!trivia.HasStructure || trivia.GetStructure() is not DocumentationCommentTriviaSyntax doc)
                continue;
            var builder = new StringBuilder();
            var summary = FindSummary(doc);
            if (summary is not null)
                AppendText(summary.Content, builder);
            else
                AppendText(doc.Content, builder);
            var text = CollapseWhitespace(builder.ToString());
            return text.Length == 0 ? null : text;
        }

        return null;
    }

    private static XmlElementSyntax? FindSummary(DocumentationCommentTriviaSyntax doc)
    {
        foreach (var content in doc.Content)
        {
            if (content is XmlElementSyntax element && element.StartTag.Name.LocalName.ValueText == "summary")
                return element;
        }

        return null;
    }

    private static void AppendText(SyntaxList<XmlNodeSyntax> content, StringBuilder builder)
    {
        foreach (var node in content)
        {
            switch (node)
            {
                case XmlTextSyntax text:
                    foreach (var token in text.TextTokens)
                        builder.Append(token.IsKind(SyntaxKind.XmlTextLiteralNewLineToken) ? " " : token.ValueText);
                    break;
                case XmlElementSyntax element:
                    AppendText(element.Content, builder);
                    break;
                case XmlEmptyElementSyntax empty:
                    foreach (var attribute in empty.Attributes)
                    {
                        var value = attribute switch
                        {
                            XmlCrefAttributeSyntax cref => cref.Cref.ToString(),
                            XmlNameAttributeSyntax name => name.Identifier.ToString(),
                            XmlTextAttributeSyntax textAttribute when textAttribute.Name.LocalName.ValueText == "langword" => string.Concat(textAttribute.TextTokens.Select(t => t.ValueText)),
                            _ => null,
                        };
                        if (value is not null)
                            builder.Append(value);
                    }

                    break;
            }
        }
    }

    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
