using Culprit.Parsing.Templates.Evaluation;

namespace Culprit.Cli.Bench;

/// <summary>The accuracy of the miner on one system and its speed there with a new miner (best of the repeats).</summary>
public sealed record SystemScore(string System, AccuracyScores Accuracy, int Lines, double LinesPerSecond, long HeaderMisses);
