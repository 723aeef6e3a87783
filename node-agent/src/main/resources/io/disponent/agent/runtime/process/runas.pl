# Disponent run-as. Started by root as: perl -e <this> <uid> <gid> <groups> -- argv...
# (<groups>: the supplementary gids, comma-separated, may be empty). Sets the supplementary groups,
# then the real, effective and saved gid and uid, checks that no privilege is left, and execs argv.
# The task wrapper stays root (to write the status) and its child execs this; health check
# commands are started through it too.
use strict;
use warnings;
use POSIX ();

sub fail {
  print STDERR "disponent run-as: $_[0]\n";
  POSIX::_exit(126);
}

@ARGV >= 5 && $ARGV[3] eq '--' or fail("usage: <uid> <gid> <groups> -- argv...");
my ($uid, $gid, $groups) = splice(@ARGV, 0, 4);
my @groups = grep { length } split(/,/, $groups);
$) = join(' ', $gid, $gid, @groups);
POSIX::setgid($gid) or fail("setgid($gid): $!");
POSIX::setuid($uid) or fail("setuid($uid): $!");
my %have = map { $_ => 1 } split(' ', $));
$< == $uid && $> == $uid or fail("still uid $< (effective $>), not $uid");
(split(' ', $())[0] == $gid && (split(' ', $)))[0] == $gid or fail("still gid $( (effective $)), not $gid");
$have{$_} or fail("supplementary group $_ not set") for @groups;
fail("uid 0 could be regained") if $uid != 0 && POSIX::setuid(0);
{ no warnings 'exec'; exec { $ARGV[0] } @ARGV; }
print STDERR "disponent run-as: cannot run $ARGV[0]: $!\n";
POSIX::_exit(127);
