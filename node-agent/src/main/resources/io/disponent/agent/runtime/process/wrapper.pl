# Disponent task wrapper. Started as: setsid perl -e <this> <statedir> [cgroup.procs ...] -- argv...
# It is the session and process group leader of the task. It joins the task's cgroups, records its
# pid, forks the task, ignores SIGTERM/SIGINT/SIGHUP itself (the task gets the default dispositions
# back before exec), waits for the task and records "exit <code>" or "signal <n>" in <statedir>/status.
use strict;
use warnings;
use POSIX ();

my $dir = shift @ARGV;
my @procs;
while (@ARGV && $ARGV[0] ne '--') { push @procs, shift @ARGV; }
shift @ARGV;

sub put {
  my ($file, $text) = @_;
  open(my $h, '>', "$file.tmp") or return 0;
  print $h $text;
  close($h) or return 0;
  return rename("$file.tmp", $file);
}

sub fail {
  my ($msg) = @_;
  print STDERR "disponent wrapper: $msg\n";
  put("$dir/status", "exit 127\n");
  exit 127;
}

for my $f (@procs) {
  open(my $h, '>>', $f) or fail("cannot join cgroup $f: $!");
  print $h "$$\n";
  close($h) or fail("cannot join cgroup $f: $!");
}
put("$dir/wrapper.pid", "$$\n") or fail("cannot write $dir/wrapper.pid: $!");
$SIG{TERM} = 'IGNORE';
$SIG{INT} = 'IGNORE';
$SIG{HUP} = 'IGNORE';
my $pid = fork();
defined $pid or fail("fork: $!");
if ($pid == 0) {
  $SIG{TERM} = 'DEFAULT';
  $SIG{INT} = 'DEFAULT';
  $SIG{HUP} = 'DEFAULT';
  { exec { $ARGV[0] } @ARGV; }
  print STDERR "disponent wrapper: cannot run $ARGV[0]: $!\n";
  POSIX::_exit(127);
}
put("$dir/task.pid", "$pid\n");
my $r;
do { $r = waitpid($pid, 0); } while ($r == -1 && $!{EINTR});
my $st = $?;
my $line = ($st & 127) ? "signal " . ($st & 127) : "exit " . ($st >> 8);
put("$dir/status", "$line\n");
exit(($st & 127) ? 128 + ($st & 127) : ($st >> 8));
