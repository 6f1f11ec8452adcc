using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Web.TagHelpers;

/// <summary>
/// After a failed post, a field with an error says so to assistive technology: aria-invalid, and
/// its error message joined to it through aria-describedby (the message gets a matching id).
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the framework's own helpers have written id and name.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!ViewContext.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
            return;
        output.Attributes.SetAttribute("aria-invalid", "true");
        var errorId = ErrorId(name);
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} {errorId}" : errorId;
        output.Attributes.SetAttribute("aria-describedby", describedBy);
    }

    internal static string ErrorId(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_") + "-error";
}
