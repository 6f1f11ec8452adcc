namespace Portal.Infrastructure.Accounts;

/// <summary>The portal's roles. Every signed-in person can learn and apply, so Learner needs no grant to use.</summary>
public static class PortalRoles
{
    public const string Admin = "Admin";
    public const string Recruiter = "Recruiter";
    public const string Manager = "Manager";
    public const string Navigator = "Navigator";

    /// <summary>Reads city-wide figures for the academy or council; never a named person.</summary>
    public const string Analyst = "Analyst";
    public const string Learner = "Learner";

    public static IReadOnlyList<string> All { get; } = [Admin, Recruiter, Manager, Navigator, Analyst, Learner];
}
