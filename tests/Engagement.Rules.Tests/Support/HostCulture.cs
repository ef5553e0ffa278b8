using System;
using System.Globalization;

namespace Engagement.Rules.Tests.Support;

/// <summary>Runs code under a host's culture (current and UI), restoring the previous ones afterwards.</summary>
internal static class HostCulture
{
    /// <summary>Cultures whose number formats differ from the invariant one: U+2212 minus (sv-SE), LRM + U+2212 (fa-IR), decimal comma (de-DE).</summary>
    public static readonly string[] Unusual = ["sv-SE", "fa-IR", "de-DE"];

    public static T Run<T>(string name, Func<T> action)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
