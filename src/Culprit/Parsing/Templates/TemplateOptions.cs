using System.ComponentModel.DataAnnotations;

namespace Culprit.Parsing.Templates;

/// <summary>
/// Settings of the template miner. One setting serves every log: the defaults are what the benchmark in
/// <c>docs/templates.md</c> was measured with, and none of them names or targets a particular log.
/// </summary>
public sealed class TemplateOptions
{
    /// <summary>The default <see cref="Delimiters"/>.</summary>
    public const string DefaultDelimiters = "=:,;()[]{}<>\"'|@/#";

    /// <summary>
    /// Characters that end a word and start a new token, so that <c>size:1024</c>, <c>(10.0.0.1:80)</c> and
    /// <c>key=value</c> keep their variable apart. Default <see cref="DefaultDelimiters"/>.
    /// </summary>
    public string Delimiters { get; set; } = DefaultDelimiters;

    /// <summary>How many different words a position must show before it becomes <c>&lt;*&gt;</c>. Default 3.</summary>
    [Range(2, 1000)]
    public int MinDistinctValues { get; set; } = 3;

    /// <summary>
    /// As <see cref="MinDistinctValues"/> when every value is an upper-case word (<c>GET</c>, <c>POST</c>,
    /// <c>RUNNING</c>): such words are usually states, methods or keywords, so it takes more of them. Default 5.
    /// </summary>
    [Range(2, 1000)]
    public int MinDistinctUpperCaseValues { get; set; } = 5;

    /// <summary>As <see cref="MinDistinctValues"/> for a value glued to <c>=</c> or beside a recognised variable. Default 2.</summary>
    [Range(2, 1000)]
    public int MinDistinctKeyValues { get; set; } = 2;

    /// <summary>Constant words a template must keep for a word position to be generalised, and for its variables to stand for any word. Default 3.</summary>
    [Range(1, 100)]
    public int MinConstantWords { get; set; } = 3;

    /// <summary>Example lines kept per template. Default 3.</summary>
    [Range(0, 100)]
    public int MaxExamples { get; set; } = 3;

    /// <summary>
    /// Live templates kept before the least recently seen tenth is forgotten (a safety valve for logs whose
    /// every line is different). A forgotten template whose lines come back is made again, with the same id;
    /// its counts start over. Default 50,000.
    /// </summary>
    [Range(10, int.MaxValue)]
    public int MaxTemplates { get; set; } = 50_000;

    /// <summary>Distinct token sequences remembered for the fast path before the cache starts over. Default 1,000,000.</summary>
    [Range(1000, int.MaxValue)]
    public int MaxCachedShapes { get; set; } = 1_000_000;

    /// <summary>Checks every setting; throws one <see cref="ValidationException"/> listing every problem.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        var problems = results.Select(r => r.ErrorMessage ?? "invalid setting").ToList();
        if (string.IsNullOrEmpty(Delimiters))
            problems.Add("Delimiters must not be empty");
        else if (Delimiters.Any(char.IsWhiteSpace))
            problems.Add("Delimiters must not contain whitespace (whitespace always separates tokens)");
        else if (Delimiters.Any(char.IsLetterOrDigit))
            problems.Add("Delimiters must not contain letters or digits");
        if (problems.Count > 0)
            throw new ValidationException("Invalid template options: " + string.Join("; ", problems));
    }
}
