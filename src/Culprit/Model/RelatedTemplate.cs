namespace Culprit.Model;

/// <summary>A template of log lines that shared a trace or request id with an incident's occurrences, and how many such lines there were.</summary>
public sealed record RelatedTemplate(string TemplateId, string Text, long Count);
