using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Culprit.Code.Symbols;

/// <summary>
/// Walks one C# syntax tree into symbols. Qualified names are dotted without generic arity
/// (<c>Ns.Repo.Find</c> for <c>Ns.Repo`1.Find</c>); constructors are <c>.ctor</c>/<c>.cctor</c> and indexers
/// <c>Item</c>, as .NET stack frames name them. Methods without a body (interface, abstract, extern) are left out.
/// </summary>
internal sealed class CSharpSymbolCollector
{
    private readonly SourceText _text;
    private readonly List<CodeSymbol> _symbols = [];
    private readonly CancellationToken _cancellationToken;

    private CSharpSymbolCollector(SourceText text, CancellationToken cancellationToken)
    {
        _text = text;
        _cancellationToken = cancellationToken;
    }

    public static List<CodeSymbol> Collect(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var collector = new CSharpSymbolCollector(tree.GetText(cancellationToken), cancellationToken);
        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        collector.Members(root.Members, scope: null, parentType: null);
        return collector._symbols;
    }

    private void Members(SyntaxList<MemberDeclarationSyntax> members, string? scope, string? parentType)
    {
        foreach (var member in members)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    Members(ns.Members, ModuleNames.Join(scope, Compact(ns.Name.ToString())), parentType: null);
                    break;
                case BaseTypeDeclarationSyntax type:
                    Type(type, scope, parentType);
                    break;
                case MethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                    Callable(method, SymbolKinds.Method, method.Identifier.ValueText, scope, parentType,
                        $"{method.ReturnType} {method.Identifier.ValueText}{method.TypeParameterList}{method.ParameterList}");
                    break;
                case ConstructorDeclarationSyntax ctor:
                    var isStatic = ctor.Modifiers.Any(SyntaxKind.StaticKeyword);
                    Callable(ctor, SymbolKinds.Constructor, isStatic ? ".cctor" : ".ctor", scope, parentType, $"{ctor.Identifier.ValueText}{ctor.ParameterList}");
                    break;
                case DestructorDeclarationSyntax dtor:
                    Callable(dtor, SymbolKinds.Method, "Finalize", scope, parentType, $"~{dtor.Identifier.ValueText}{dtor.ParameterList}");
                    break;
                case PropertyDeclarationSyntax property:
                    Property(property, scope, parentType);
                    break;
                case IndexerDeclarationSyntax indexer when HasBody(indexer.ExpressionBody, indexer.AccessorList):
                    Callable(indexer, SymbolKinds.Property, "Item", scope, parentType, $"{indexer.Type} this{indexer.ParameterList}");
                    break;
                case FieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer?.Value is AnonymousFunctionExpressionSyntax)
                        {
                            var node = field.Declaration.Variables.Count == 1 ? (SyntaxNode)field : variable;
                            Callable(node, SymbolKinds.Lambda, variable.Identifier.ValueText, scope, parentType,
                                $"{field.Declaration.Type} {variable.Identifier.ValueText}", body: variable.Initializer.Value, docNode: field);
                        }
                    }

                    break;
            }
        }
    }

    private void Type(BaseTypeDeclarationSyntax type, string? scope, string? parentType)
    {
        var kind = type switch
        {
            InterfaceDeclarationSyntax => SymbolKinds.Interface,
            StructDeclarationSyntax => SymbolKinds.Struct,
            RecordDeclarationSyntax => SymbolKinds.Record,
            EnumDeclarationSyntax => SymbolKinds.Enum,
            _ => SymbolKinds.Class,
        };
        var qualified = ModuleNames.Join(parentType ?? scope, type.Identifier.ValueText);
        Add(type, kind, type.Identifier.ValueText, qualified, parentType, signature: null, calls: []);
        if (type is TypeDeclarationSyntax withMembers)
            Members(withMembers.Members, scope, qualified);
    }

    private void Property(PropertyDeclarationSyntax property, string? scope, string? parentType)
    {
        var name = property.Identifier.ValueText;
        if (property.Initializer?.Value is AnonymousFunctionExpressionSyntax lambda)
            Callable(property, SymbolKinds.Lambda, name, scope, parentType, $"{property.Type} {name}", body: lambda);
        else if (HasBody(property.ExpressionBody, property.AccessorList))
            Callable(property, SymbolKinds.Property, name, scope, parentType, $"{property.Type} {name}");
    }

    private static bool HasBody(ArrowExpressionClauseSyntax? expressionBody, AccessorListSyntax? accessors)
    {
        if (expressionBody is not null)
            return true;
        if (accessors is null)
            return false;
        foreach (var accessor in accessors.Accessors)
        {
            if (accessor.Body is not null || accessor.ExpressionBody is not null)
                return true;
        }

        return false;
    }

    private void Callable(SyntaxNode node, string kind, string name, string? scope, string? parentType, string signature, SyntaxNode? body = null, SyntaxNode? docNode = null)
    {
        var qualified = ModuleNames.Join(parentType ?? scope, name);
        Add(node, kind, name, qualified, parentType, signature, CSharpSyntaxText.Calls(body ?? node), docNode);
        LocalFunctions(body ?? node, qualified);
    }

    private void LocalFunctions(SyntaxNode container, string parent)
    {
        foreach (var node in container.DescendantNodes(n => n == container || n is not LocalFunctionStatementSyntax))
        {
            if (node is not LocalFunctionStatementSyntax local || node == container)
                continue;
            var name = local.Identifier.ValueText;
            var qualified = parent + "." + name;
            Add(local, SymbolKinds.LocalFunction, name, qualified, parent,
                $"{local.ReturnType} {name}{local.TypeParameterList}{local.ParameterList}", CSharpSyntaxText.Calls(local));
            LocalFunctions(local, qualified);
        }
    }

    private void Add(SyntaxNode node, string kind, string name, string qualified, string? parent, string? signature, IReadOnlyList<string> calls, SyntaxNode? docNode = null)
    {
        var span = node.Span;
        _symbols.Add(new CodeSymbol
        {
            Kind = kind,
            Name = name,
            QualifiedName = qualified,
            StartLine = _text.Lines.GetLineFromPosition(span.Start).LineNumber + 1,
            EndLine = _text.Lines.GetLineFromPosition(Math.Max(span.Start, span.End - 1)).LineNumber + 1,
            Signature = signature is null ? null : CSharpSyntaxText.CollapseWhitespace(signature),
            Doc = CSharpSyntaxText.Doc(docNode ?? node),
            Parent = parent,
            Calls = calls,
        });
    }

    private static string Compact(string name) => name.Replace(" ", "", StringComparison.Ordinal);
}
