namespace Portal.Domain.Compliance;

public enum CompetencyRecordKind
{
    SignedOff,
    Revoked,
}
