namespace Culprit.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadUsage = 2;
    public const int Failure = 3;
}
