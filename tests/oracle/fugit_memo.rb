# Loaded before ../shared/oracles/fugit/oracle.rb (RUBYOPT=-r<this file>) by
# tests/profiles_gitlab.rs to make fugit's answers cheaper to get, not different.
#
# Where fugit 1.5.2 spends its time: Cron#next_time walks a TimeCursor through
# ~55 steps a call (~1 000 a job of 20 times), and on every day it probes, and on
# every month or day step, it calls EtOrbi.make(y, m[, d], zone). et-orbi 1.2.2
# builds that time by formatting a string and parsing it back: EtOrbi.parse runs
# extract_zone, which tries String#index with each of the ~600 zone names, then
# DateTime.parse and Time.parse: about 90-350 us a call, most of a job's 0.1 s.
#
# Two changes, each exact:
# - extract_zone on a text made only of digits, ':', '.', '-' and spaces returns
#   what the original returns: no zone name can occur in it (every zone name has
#   letters), and the ISO 8601 offset pattern is still tried (a match goes to the
#   original method).
# - make_from_array (y, m, d... in a zone) is a function of its arguments (the
#   process's own zone never changes here): the result is kept and each caller
#   gets its own copy, since fugit's TimeCursor changes the time it is given.
#   Exceptions (a wall time that does not exist) are not kept.
#
# tests/profiles_gitlab.rs (`fugit_memo_changes_no_answer`) asks the same jobs with
# and without this file and requires identical answers. CRONKIT_FUGIT_PLAIN=1
# turns it off.
require 'fugit'

module EtOrbi
  class << self
    alias_method :cronkit_plain_extract_zone, :extract_zone
    alias_method :cronkit_plain_make_from_array, :make_from_array

    CRONKIT_NO_LETTERS = /\A[0-9:. -]*\z/.freeze
    CRONKIT_MADE = {}
    CRONKIT_MADE_MAX = 200_000

    def extract_zone(str)
      if CRONKIT_NO_LETTERS.match?(str) && !ZONES_ISO8601_REX.match?(str)
        return [str.strip, nil]
      end
      cronkit_plain_extract_zone(str)
    end

    def make_from_array(a, zone)
      kept = CRONKIT_MADE[[a, zone]]
      return kept.dup if kept
      made = cronkit_plain_make_from_array(a, zone)
      CRONKIT_MADE.clear if CRONKIT_MADE.size >= CRONKIT_MADE_MAX
      CRONKIT_MADE[[a.dup, zone]] = made.dup
      made
    end
  end
end
