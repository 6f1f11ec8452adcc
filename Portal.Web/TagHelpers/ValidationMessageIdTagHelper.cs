using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Web.TagHelpers;

[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class ValidationMessageIdTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("id", InvalidFieldTagHelper.ErrorId(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)));
    }
}
