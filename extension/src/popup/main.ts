import { mount } from 'svelte';
import Popup from './Popup.svelte';
import { PopupState } from './popup-state.svelte';
import './tokens.css';

const state = new PopupState();
mount(Popup, { target: document.getElementById('popup') as HTMLElement, props: { popup: state } });
void state.load();
