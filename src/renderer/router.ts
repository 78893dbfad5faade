import { useEffect, useState } from 'react';
import { mayLeave } from './leave-guard';

export type Route =
  | { screen: 'worklist' }
  | { screen: 'case'; caseId: number | null }
  | { screen: 'participants'; query?: string }
  | { screen: 'supervisor' }
  | { screen: 'requirements' }
  | { screen: 'settings' }
  | { screen: 'audit' }
  | { screen: 'users' }
  | { screen: 'dashboard' };

/** In Alt+digit order; screens a role may not use are left out of its navigation. */
export const SCREENS = ['worklist', 'case', 'participants', 'supervisor', 'requirements', 'settings', 'audit', 'users', 'dashboard'] as const;

export function parseHash(hash: string): Route {
  const [screen, arg] = hash.replace(/^#\/?/, '').split('/');
  switch (screen) {
    case 'case': {
      const id = Number(arg);
      return { screen: 'case', caseId: Number.isInteger(id) && id > 0 ? id : null };
    }
    case 'participants':
      return arg ? { screen: 'participants', query: decodeURIComponent(arg) } : { screen: 'participants' };
    case 'supervisor':
      return { screen: 'supervisor' };
    case 'requirements':
      return { screen: 'requirements' };
    case 'settings':
      return { screen: 'settings' };
    case 'audit':
      return { screen: 'audit' };
    case 'users':
      return { screen: 'users' };
    case 'dashboard':
      return { screen: 'dashboard' };
    default:
      return { screen: 'worklist' };
  }
}

export function hrefOf(route: Route): string {
  if (route.screen === 'case') return route.caseId ? `#/case/${route.caseId}` : '#/case';
  if (route.screen === 'participants' && route.query) return `#/participants/${encodeURIComponent(route.query)}`;
  return `#/${route.screen}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = (e: HashChangeEvent): void => {
      // Unsaved work held on the screen being left: asked first; staying puts the address back as it was.
      if (!mayLeave()) {
        window.history.replaceState(window.history.state, '', new URL(e.oldURL).hash || '#/');
        return;
      }
      setRoute(parseHash(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
