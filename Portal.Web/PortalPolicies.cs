namespace Portal.Web;

public static class PortalPolicies
{
    public const string Admin = "Admin";
    public const string Recruiter = "Recruiter";
    public const string Manager = "Manager";
    public const string Navigator = "Navigator";
    public const string Insight = "Insight";
}
