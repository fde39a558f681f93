namespace Culprit.Model;

public enum IncidentStatus
{
    New,
    Investigating,
    Resolved,
    Regressed,
    Ignored,
}
