# bash completion for brochure: its commands, its options (those of
# `brochure --help`; tests/e2e.sh checks that they agree), their values,
# and files: a layout (-l) is a .yaml, the data a .yaml, an output a PDF,
# PNG or SVG or a folder (schema's a .json).  Installed as
# share/bash-completion/completions/brochure by `make install`.

_brochure()
{
	local cur prev cmd i
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	COMPREPLY=()

	# The command: the first word that is not an option or its value.
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		render | check | watch | init | schema)
			cmd=${COMP_WORDS[i]}
			break ;;
		esac
	done

	case $prev in
	-l | --layout)
		if [[ $cmd == init ]]; then
			COMPREPLY=($(compgen -W "square portrait story og a4 a5-print handout" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") \
			    $(compgen -d -S / -- "$cur"))
		fi
		return ;;
	-o | --output)
		if [[ $cmd == schema ]]; then
			COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") \
			    $(compgen -d -S / -- "$cur"))
			return
		fi
		COMPREPLY=($(compgen -f -X '!*.@(pdf|png|svg)' -- "$cur") \
		    $(compgen -d -S / -- "$cur"))
		return ;;
	--dump-tree | --allow-path)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--manifest | --report)
		COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") \
		    $(compgen -d -S / -- "$cur"))
		return ;;
	-f | --format)
		COMPREPLY=($(compgen -W "png svg pdf" -- "$cur"))
		return ;;
	--pdf-writer)
		COMPREPLY=($(compgen -W "native cairo" -- "$cur"))
		return ;;
	--pdf-standard)
		COMPREPLY=($(compgen -W "ua-1 x-4 a-2u" -- "$cur"))
		return ;;
	--diagnostics)
		COMPREPLY=($(compgen -W "text json" -- "$cur"))
		return ;;
	-j | --jobs | --scale | --dpi | --only | --shard)
		return ;;
	esac

	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "render check watch init schema --help --version" -- "$cur"))
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "--layout --output --format --jobs
		    --only --shard --manifest --scale --dpi --strict --quiet
		    --dump-tree --gallery --debug-boxes --pdf-writer
		    --pdf-standard --allow-path --diagnostics --report --help
		    --version -l -o -f -j -q
		    -h -V" -- "$cur"))
		return
	fi
	# The data file (or init's folder; schema takes none).
	if [[ $cmd == schema ]]; then
		return
	elif [[ $cmd == init ]]; then
		COMPREPLY=($(compgen -d -S / -- "$cur"))
	else
		COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") \
		    $(compgen -d -S / -- "$cur"))
	fi
}
shopt -s extglob
complete -o filenames -F _brochure brochure
