using System;

namespace Engagement.Rules.Yaml.Testing;

/// <summary>
/// One case of a rule test file (<c>*.tests.yaml</c> or <c>*.tests.yml</c>), found by <see cref="RuleTestRunner.Discover"/>. A file that
/// cannot be read yields one case that fails with the reason, so that nothing is silently skipped.
/// </summary>
public sealed class RuleTestCase
{
    internal RuleTestCase(string file, string name, int line, CaseSpec? spec, string? error)
    {
        File = file;
        Name = name;
        Line = line;
        Spec = spec;
        Error = error;
    }

    /// <summary>The test file's path.</summary>
    public string File { get; }

    /// <summary>The case's name, unique in its file.</summary>
    public string Name { get; }

    /// <summary>The 1-based line of the case in its file.</summary>
    public int Line { get; }

    internal CaseSpec? Spec { get; }

    internal string? Error { get; }

    /// <summary>A display name: the file's name and the case's name.</summary>
    /// <returns>E.g. <c>service.tests.yaml: oil change due after six months</c>.</returns>
    public override string ToString() => $"{System.IO.Path.GetFileName(File)}: {Name}";

    internal string Location => FormattableString.Invariant($"{File}:{Line}");
}
