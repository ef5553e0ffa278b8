using System;
using Engagement.Rules.Yaml.Loading;

namespace Engagement.Rules.Yaml;

/// <summary>
/// Which file names the loader reads as rule files, for a host that picks rule files itself (embedded resources,
/// deployment, its own watcher) and must agree with <see cref="RuleFileLoader.Load"/>.
/// </summary>
public static class RuleFileFilter
{
    /// <summary>
    /// Whether a file of this name is a rule file: it ends in <c>.yaml</c> or <c>.yml</c> (any case) and is not a rule
    /// test file (<c>*.tests.yaml</c>, <c>*.tests.yml</c>, which only the rule test runner reads). A folder walk also
    /// skips hidden entries (a name starting with <c>.</c>) whatever their extension.
    /// </summary>
    /// <param name="fileName">A file name, a path, or an embedded resource name; only its end is looked at.</param>
    /// <returns><see langword="true"/> for a rule file name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> is null.</exception>
    public static bool IsRuleFile(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return (fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            && !RuleFileSet.IsTestFile(fileName);
    }
}
