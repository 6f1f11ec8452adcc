using Portal.Infrastructure.Content;

namespace Portal.Web.Commands;

/// <summary>`content check`: the same validation start-up does, for authors, without starting the site.</summary>
internal static class ContentCheck
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<ContentStore>();
        try
        {
            var set = store.Load();
            await WriteWarningsAsync(set.Warnings);
            await Console.Out.WriteLineAsync($"{store.RootPath}: valid ({set.Pages.Count} pages, {set.Roles.Count} roles, {set.Programmes.Count} programmes, {set.Routes.Count} routes, {set.Modules.Count} training modules; version {set.Version}){WarningCount(set.Warnings)}.");
            return 0;
        }
        catch (ContentValidationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await WriteWarningsAsync(ex.Warnings);
            return 1;
        }
    }

    // Warnings go to standard error with the errors, so a CI log shows both and a script reading stdout sees only the verdict.
    private static async Task WriteWarningsAsync(IReadOnlyList<ContentWarning> warnings)
    {
        foreach (var warning in warnings)
            await Console.Error.WriteLineAsync(warning.ToString());
    }

    private static string WarningCount(IReadOnlyList<ContentWarning> warnings) =>
        warnings.Count == 0 ? "" : $", with {warnings.Count} warning{(warnings.Count == 1 ? "" : "s")}";
}
