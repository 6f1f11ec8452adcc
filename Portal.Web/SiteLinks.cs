using System.Collections.Concurrent;

namespace Portal.Web;

/// <summary>
/// The links every page's layout carries (the menu, the footer, the account links, the offline
/// addresses), generated once per path base instead of asking the router a dozen times a request:
/// they were a third of what a light signed-in page allocated (issue 25). Generated without the
/// current request's route values, so a link is the same from every page, the Identity area's
/// included.
/// </summary>
public sealed class SiteLinks(LinkGenerator generator)
{
    // A node serves under one path base, two at most behind a proxy; more is never cached.
    private const int MostPathBases = 8;

    private readonly ConcurrentDictionary<string, Links> _byPathBase = new(StringComparer.Ordinal);

    public Links For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pathBase = context.Request.PathBase;
        if (_byPathBase.TryGetValue(pathBase.Value ?? "", out var links))
            return links;
        links = Generate(pathBase);
        if (_byPathBase.Count < MostPathBases)
            _byPathBase.TryAdd(pathBase.Value ?? "", links);
        return links;
    }

    private Links Generate(PathString pathBase)
    {
        string Page(string page, string? handler = null, object? values = null) =>
            generator.GetPathByPage(page, handler, values, pathBase) ?? throw new InvalidOperationException($"No route to {page}");
        string Help(string slug) => Page("/Help/Page", values: new { slug });
        string Account(string page) => Page(page, values: new { area = "Identity" });
        return new Links(
            Home: Page("/Index"),
            Careers: Page("/Careers/Index"),
            Learn: Page("/Learn/Index"),
            Jobs: Page("/Jobs/Index"),
            Programmes: Page("/Programmes/Index"),
            Caseload: Page("/Navigate/Index"),
            Recruit: Page("/Recruit/Index"),
            Manage: Page("/Manage/Index"),
            Insight: Page("/Insight/Index"),
            Admin: Page("/Admin/Index"),
            OfflineSync: Page("/Learn/Offline", "Sync"),
            OfflinePage: Page("/Learn/Offline"),
            About: Help("about"),
            Accessibility: Help("accessibility"),
            Privacy: Help("privacy"),
            Cookies: Help("cookies"),
            YourAccount: Account("/Account/Manage/Index"),
            SignIn: Account("/Account/Login"),
            CreateAccount: Account("/Account/Register"));
    }

    public sealed record Links(
        string Home, string Careers, string Learn, string Jobs, string Programmes,
        string Caseload, string Recruit, string Manage, string Insight, string Admin,
        string OfflineSync, string OfflinePage,
        string About, string Accessibility, string Privacy, string Cookies,
        string YourAccount, string SignIn, string CreateAccount);
}
