namespace Portal.Domain.Talent;

/// <summary>Who reads a match's reasons: the person, or a recruiter looking at the person.</summary>
public enum MatchSide
{
    Person,
    Recruiter,
}
