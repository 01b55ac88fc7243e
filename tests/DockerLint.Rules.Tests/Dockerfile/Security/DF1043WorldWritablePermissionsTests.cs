namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1043WorldWritablePermissionsTests
{
    private const string Id = "DF1043";

    [TestCase("FROM debian:12\nRUN chmod {|#0:777|} /app\n", TestName = "777")]
    [TestCase("FROM debian:12\nRUN chmod -R {|#0:0777|} /app\n", TestName = "recursive 0777")]
    [TestCase("FROM debian:12\nRUN chmod {|#0:666|} /etc/app.conf\n", TestName = "666")]
    [TestCase("FROM debian:12\nRUN chmod {|#0:757|} /srv\n", TestName = "others may write")]
    [TestCase("FROM debian:12\nRUN chmod {|#0:o+w|} /app/config\n", TestName = "o+w")]
    [TestCase("FROM debian:12\nRUN chmod -R {|#0:a+rwx|} /opt/app\n", TestName = "a+rwx")]
    [TestCase("FROM debian:12\nRUN chmod {|#0:u=rwx,go=rwx|} /x\n", TestName = "clauses")]
    [TestCase("FROM debian:12\nCOPY --chmod={|#0:777|} app /app\n", TestName = "COPY --chmod")]
    [TestCase("FROM debian:12\nARG MODE=666\nADD --chmod={|#0:$MODE|} x.conf /etc/x.conf\n", TestName = "ADD --chmod through an ARG")]
    [TestCase("FROM debian:12\nRUN mkdir /data && \\\n    chmod {|#0:777|} /data\n", TestName = "after a continuation")]
    [TestCase("FROM debian:12\nONBUILD RUN chmod {|#0:777|} /app\n", TestName = "ONBUILD RUN")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM debian:12\nRUN chmod 755 /app && chmod 644 /app/conf && chmod +x /app/run\n", TestName = "usual modes")]
    [TestCase("FROM debian:12\nRUN chmod 1777 /tmp/cache && chmod o+wt /var/tmp/x\n", TestName = "sticky directories")]
    [TestCase("FROM debian:12\nRUN chmod ugo+rwx,o+t /run/mysqld\n", TestName = "sticky bit in another clause")]
    [TestCase("FROM debian:12\nRUN chmod 775 /app && chmod g+w /app\n", TestName = "group write")]
    [TestCase("FROM debian:12\nRUN chmod o-w /app && chmod a-w /etc/x\n", TestName = "removing write")]
    [TestCase("FROM debian:12\nRUN chmod $MODE /app\n", TestName = "unknown mode")]
    [TestCase("FROM debian:12\nCOPY --chmod=0755 run.sh /usr/local/bin/\n", TestName = "COPY --chmod 0755")]
    [TestCase("FROM debian:12\nRUN echo chmod 777 /x\n", TestName = "an argument of echo")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
