namespace Portal.Infrastructure.Accounts;

/// <summary>The portal's roles. Every signed-in person can learn and apply, so Learner needs no grant to use.</summary>
public static class PortalRoles
{
    public const string Admin = "Admin";
    public const string Recruiter = "Recruiter";
    public const string Manager = "Manager";
    public const string Navigator = "Navigator";
    public const string Learner = "Learner";

    public static IReadOnlyList<string> All { get; } = [Admin, Recruiter, Manager, Navigator, Learner];
}
