namespace Portal.Domain.Talent;

/// <summary>A scored pair, with the facts its reasons are written from.</summary>
public readonly record struct MatchScore(
    float Score, float Miles, int ModulesHeld, int ModulesRequired, float DaysFit, bool RoleWanted, bool OnSavedRoute,
    int ProgrammesHeld = 0, int ProgrammesRequired = 0, float PayAsked = 0f, float HourlyPay = 0f);
