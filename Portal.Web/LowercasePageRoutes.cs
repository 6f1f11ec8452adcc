using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Portal.Web;

/// <summary>
/// The portal's own pages answer at, and link to, lower-case addresses ("/manage/matrix", not
/// "/Manage/Matrix"): the fixed words of each page's route are lower-cased. Parameter values and
/// query strings are left exactly as given (a token or a search field keeps its case), and so are
/// the Identity UI's addresses, which emails already sent and the sign-in cookie name as they are.
/// </summary>
/// <remarks>
/// Not <c>RouteOptions.LowercaseUrls</c>: that lower-cases every generated path, route values and
/// the Identity area included, with no way to leave one area out.
/// </remarks>
internal sealed class LowercasePageRoutes : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.AreaName is not null)
            return;
        foreach (var selector in model.Selectors)
        {
            if (selector.AttributeRouteModel is { Template: { } template } route)
                route.Template = Lowercase(template);
        }
    }

    /// <summary>Lower-cases the literal text of a route template, leaving each {parameter} as written.</summary>
    internal static string Lowercase(string template)
    {
        var chars = template.ToCharArray();
        var depth = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            depth += chars[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
                chars[i] = char.ToLowerInvariant(chars[i]);
        }
        return new string(chars);
    }
}
