namespace Portal.Domain.Talent;

/// <summary>How a care worker is paid for a shift: for all of it, or only for time in visits.</summary>
public enum PayBasis
{
    WholeShift,
    PerVisit,
}
