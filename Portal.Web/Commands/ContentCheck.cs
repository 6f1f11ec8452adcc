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
            await Console.Out.WriteLineAsync($"{store.RootPath}: valid ({set.Pages.Count} pages, {set.Roles.Count} roles, {set.Programmes.Count} programmes, {set.Routes.Count} routes, {set.Modules.Count} training modules; version {set.Version}).");
            return 0;
        }
        catch (ContentValidationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
