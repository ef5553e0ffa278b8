using System;
using System.Linq;

namespace Engagement.Rules.Yaml.Tests;

public sealed class RuleFileFilterTest
{
    [TestCase("a.yaml", ExpectedResult = true)]
    [TestCase("A.YML", ExpectedResult = true)]
    [TestCase("sales/retention.yml", ExpectedResult = true)]
    [TestCase("My.Assembly.Rules.service.yaml", ExpectedResult = true)]
    [TestCase("a.tests.yaml", ExpectedResult = false)]
    [TestCase("a.TESTS.yml", ExpectedResult = false)]
    [TestCase("notes.txt", ExpectedResult = false)]
    [TestCase("a.yaml.bak", ExpectedResult = false)]
    [TestCase("yaml", ExpectedResult = false)]
    public bool IsRuleFile_Name(string fileName) => RuleFileFilter.IsRuleFile(fileName);

    [Test]
    public void IsRuleFile_Null_Throws()
    {
        var act = () => RuleFileFilter.IsRuleFile(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("fileName");
    }

    [Test]
    public void IsRuleFile_AgreesWithTheLoadersFolderWalk()
    {
        using var folder = new TempFolder();
        string[] names = ["a.yaml", "b.YML", "c.tests.yaml", "d.txt", "e.yaml.orig"];
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            folder.Write(name, RuleFileLoaderTest.SignalRule.Replace("{0}", "r" + i, StringComparison.Ordinal));
        }

        var result = new RuleFileLoader().Load([folder.Path]);

        result.Success.Should().BeTrue();
        var loaded = result.Rules.Select(r => names[int.Parse(r.Id[1..], System.Globalization.CultureInfo.InvariantCulture)]);
        loaded.Should().BeEquivalentTo(names.Where(RuleFileFilter.IsRuleFile));
        names.Where(RuleFileFilter.IsRuleFile).Should().Equal("a.yaml", "b.YML");
    }
}
