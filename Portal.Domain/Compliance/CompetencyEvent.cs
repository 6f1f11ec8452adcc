namespace Portal.Domain.Compliance;

/// <summary>The part of a log row its standing depends on, so a list of many people reads only this.</summary>
public readonly record struct CompetencyEvent(long Id, CompetencyRecordKind Kind, DateOnly On, long? RevokesId)
{
    public static CompetencyEvent Of(CompetencyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id, record.Kind, record.On, record.RevokesId);
    }
}
