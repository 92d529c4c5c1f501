# bash completion for irgraph. Commands and options are read from irgraph's
# own help (so they never fall behind it); files complete everywhere else.
_irgraph() {
  local cur prev words cword
  _init_completion 2>/dev/null || { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; }
  local irgraph=${words[0]} command="" i
  local commands
  commands=$("$irgraph" --help 2>/dev/null | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' | tr '\n' ' ')
  for ((i = 1; i < cword; i++)); do
    case " $commands help " in *" ${words[i]} "*) command=${words[i]}; break ;; esac
  done
  case $prev in
    --db | -o | --output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -f | --format)
      COMPREPLY=($(compgen -W "$("$irgraph" export --help 2>/dev/null | sed -n '/output format:/,/--output/s/^ *\([a-z0-9.-]*\): .*/\1/p')" -- "$cur"))
      return ;;
    --types) COMPREPLY=($(compgen -W "Country Official Agreement Place Organization" -- "$cur")); return ;;
    --relations | --via)
      COMPREPLY=($(compgen -W "metWith accompanied signed guarantorOf partyTo officialOf locatedIn visited" -- "$cur"))
      return ;;
  esac
  if [ -z "$command" ]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "--help --version --db --quiet -h -V -q" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$commands help" -- "$cur"))
    fi
  elif [ $((cword - i)) -eq 1 ] && [[ $cur != -* ]] && "$irgraph" "$command" --help 2>/dev/null | grep -q '^Subcommands:'; then
    # a command with subcommands of its own (curate merge, curate list, ...)
    COMPREPLY=($(compgen -W "$("$irgraph" "$command" --help 2>/dev/null | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')" -- "$cur"))
  elif [ "$command" = help ]; then
    COMPREPLY=($(compgen -W "$commands" -- "$cur"))
  elif [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$("$irgraph" "$command" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u) --db --quiet" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -F _irgraph irgraph
