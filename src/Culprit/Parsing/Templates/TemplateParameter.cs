namespace Culprit.Parsing.Templates;

/// <summary>The value that filled one <c>&lt;*&gt;</c> of a template in one line, with its inferred type.</summary>
public readonly record struct TemplateParameter(string Value, ParameterType Type);
